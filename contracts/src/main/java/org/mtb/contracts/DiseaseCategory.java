package org.mtb.contracts;

/** 门诊特殊病, 门诊慢性病, and a region's own additions to the provincial list. */
public enum DiseaseCategory {
    SPECIAL,
    CHRONIC,
    LOCAL_EXTENSION
}
