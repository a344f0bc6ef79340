/**
 * The languages of the web admin and their message catalogues: zh-CN by default, English per user.
 *
 * <p>Catalogues are the UTF-8 properties files {@code i18n/<area>_<lang>.properties} on the class
 * path, merged into one catalogue per language at start. Immutable after loading; safe from any
 * thread. May import only the JDK and Jackson (no web, no users).
 */
package io.branchbox.admin.i18n;
