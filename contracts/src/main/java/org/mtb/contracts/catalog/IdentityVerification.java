package org.mtb.contracts.catalog;

/**
 * How the person applying was verified to be who the application says, as a channel, a counter or the person's own
 * real-name account attests it. A region's policy lists the methods it accepts.
 */
public enum IdentityVerification {
    /** 人脸核验: the channel's face check at submission, with its reference and time. */
    FACE_CHECK,
    /** 医保电子凭证: the e-voucher, itself a verified identity, presented through the channel. */
    E_VOUCHER,
    /** 窗口核验: a counter clerk saw the person's ID card. */
    COUNTER_ID_CARD,
    /** 实名注册: the person's own real-name registered account, whose token carries the verified ID number. */
    REAL_NAME_ACCOUNT
}
