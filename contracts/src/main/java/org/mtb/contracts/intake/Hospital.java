package org.mtb.contracts.intake;

import org.jspecify.annotations.Nullable;

/**
 * The hospital that issued the diagnosis; {@code level} is 1, 2 or 3 (一级, 二级, 三级).
 *
 * @param code its designated medical institution code (定点医药机构编号, the national interface's
 *             {@code ide_fixmedins_no}), e.g. {@code H52020200001}; absent where the channel did not send it. A
 *             reviewer narrowed to an institution reviews the cases of the institution with this code.
 */
public record Hospital(String name, int level, @Nullable String code) {
}
