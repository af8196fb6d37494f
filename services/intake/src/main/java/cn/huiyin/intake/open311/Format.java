package cn.huiyin.intake.open311;

import java.util.Locale;
import java.util.Optional;

/** The two formats GeoReport v2 names, chosen by the suffix of the resource ({@code services.xml}). */
enum Format {
    JSON("application/json; charset=utf-8"),
    XML("text/xml; charset=utf-8");

    private final String contentType;

    Format(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static Optional<Format> of(String suffix) {
        if (suffix == null) {
            return Optional.empty();
        }
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    /**
     * The format to answer an error in when the resource's own suffix may be missing or unknown: its suffix if that
     * is one, else XML if the client asks only for XML, else JSON.
     */
    static Format forErrorsOn(String path, String accept) {
        if (path != null) {
            int dot = path.lastIndexOf('.');
            int slash = path.lastIndexOf('/');
            if (dot > slash) {
                Optional<Format> suffix = of(path.substring(dot + 1));
                if (suffix.isPresent()) {
                    return suffix.get();
                }
            }
        }
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return wanted.contains("xml") && !wanted.contains("json") ? XML : JSON;
    }
}
