package cn.huiyin.dashboard.domain.cell;

/**
 * Row keys inside a cell become document field names: a dot or a dollar sign (an enterprise called "A.B") would be
 * read as a path or an operator, so they are escaped, and the escape character itself.
 */
public final class Keys {

    /** The row of everything in an {@link CellGroup#ALL} cell. */
    public static final String ALL = "*";
    /** The organisation row of cases not (yet) assigned. */
    public static final String UNASSIGNED = "-";

    private Keys() {
    }

    public static String escape(String value) {
        return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String unescape(String value) {
        return value.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }
}
