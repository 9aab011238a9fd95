package org.mtb.contracts;

/**
 * 参保类型: 职工医保, 城乡居民医保, 灵活就业. Flexible workers (灵活就业人员) insure themselves in the employee scheme, so
 * eligibility goes by {@link #insutype()}, the national platform's 险种类型 (shared/data/national-interface.md §9.1: 310
 * 职工基本医疗保险, 390 城乡居民基本医疗保险), not by the name alone.
 */
public enum InsuranceType {
    EMPLOYEE("310"),
    RESIDENT("390"),
    FLEXIBLE("310");

    private final String insutype;

    InsuranceType(String insutype) {
        this.insutype = insutype;
    }

    /** The national scheme code (险种类型 insutype) this insurance belongs to. */
    public String insutype() {
        return insutype;
    }

    /** Whether a region that admits {@code admitted} admits this insurance: the same national scheme. */
    public boolean sameSchemeAs(InsuranceType admitted) {
        return insutype.equals(admitted.insutype);
    }
}
