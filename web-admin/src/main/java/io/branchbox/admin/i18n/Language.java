package io.branchbox.admin.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * A language of the web admin. Chinese is the default; English is the option a user may choose.
 * {@link #tag()} is the BCP 47 tag used in URLs, the database and the browser's {@code Intl}.
 */
public enum Language {
    ZH_CN("zh-CN", "zh_CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", "en", Locale.ENGLISH);

    /** What a user gets until they choose otherwise. */
    public static final Language DEFAULT = ZH_CN;

    private final String tag;
    private final String fileSuffix;
    private final Locale locale;

    Language(String tag, String fileSuffix, Locale locale) {
        this.tag = tag;
        this.fileSuffix = fileSuffix;
        this.locale = locale;
    }

    /** "zh-CN" or "en". */
    public String tag() {
        return tag;
    }

    /** The suffix of catalogue files: {@code <area>_<suffix>.properties}. */
    public String fileSuffix() {
        return fileSuffix;
    }

    public Locale locale() {
        return locale;
    }

    /** The language with this tag (case-insensitive), if it is one of ours. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.tag.equalsIgnoreCase(tag)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
