package org.mtb.contracts;

/** Where an application came from. */
public enum Channel {
    /** 省级医保公共服务平台 网上服务大厅. */
    WEB_HALL,
    /** 医保 APP of the province or the corps. */
    APP,
    /** 微信小程序. */
    WECHAT_MINI_PROGRAM,
    /** 微信公众号. */
    WECHAT_OFFICIAL_ACCOUNT,
    /** 国家医保服务平台 APP. */
    NATIONAL_PLATFORM,
    /** 医保经办窗口, keyed in by staff. */
    SERVICE_WINDOW
}
