package org.mtb.contracts;

/** 参保类型: 职工医保, 城乡居民医保, 灵活就业. */
public enum InsuranceType {
    EMPLOYEE,
    RESIDENT,
    FLEXIBLE
}
