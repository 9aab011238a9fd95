package org.mtb.contracts.intake;

/** The hospital that issued the diagnosis; {@code level} is 1, 2 or 3 (一级, 二级, 三级). */
public record Hospital(String name, int level) {
}
