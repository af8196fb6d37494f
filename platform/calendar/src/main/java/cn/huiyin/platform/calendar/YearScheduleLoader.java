package cn.huiyin.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and parses year files.
 *
 * <p>Built-in files live on the classpath under {@value #CLASSPATH_DIRECTORY} and are named
 * {@code <year>.txt}. A classpath cannot be listed reliably (jars, nested jars, modules), so
 * the loader probes every year from {@value #FIRST_PROBED_YEAR} to {@value #LAST_PROBED_YEAR}
 * by name. Adding a year is therefore just adding a file; no index to keep in step.
 *
 * <p>An operator directory, if given, is listed instead of probed: every file named exactly
 * {@code <four digits>.txt} in it is loaded, and replaces the built-in file for that year as a
 * whole. Other files (README, backups such as {@code 2028.txt.bak}) are ignored.
 */
public final class YearScheduleLoader {

    /** Classpath folder of the built-in year files. */
    public static final String CLASSPATH_DIRECTORY = "cn/huiyin/platform/calendar/cn/";
    public static final int FIRST_PROBED_YEAR = 2000;
    public static final int LAST_PROBED_YEAR = 2099;

    private static final Pattern YEAR_FILE = Pattern.compile("\\d{4}\\.txt");

    private YearScheduleLoader() {
    }

    /** The year files shipped in this module, sorted by year. */
    public static List<YearSchedule> builtIn() {
        ClassLoader loader = YearScheduleLoader.class.getClassLoader();
        List<YearSchedule> result = new ArrayList<>();
        for (int year = FIRST_PROBED_YEAR; year <= LAST_PROBED_YEAR; year++) {
            String name = CLASSPATH_DIRECTORY + year + ".txt";
            URL url = loader.getResource(name);
            if (url == null) {
                continue;
            }
            String origin = "classpath:" + name;
            try (InputStream in = url.openStream()) {
                result.add(YearScheduleParser.parse(year, origin, decode(in.readAllBytes(), origin)));
            } catch (IOException e) {
                throw new CalendarDataException(origin, 0, "cannot be read: " + e.getMessage(), e);
            }
        }
        return List.copyOf(result);
    }

    /**
     * The year files in an operator directory, sorted by year.
     *
     * @throws CalendarDataException if the directory does not exist or a file in it is malformed;
     *         a configured but absent directory is a deployment mistake, not "no overrides"
     */
    public static List<YearSchedule> fromDirectory(Path directory) {
        String dirOrigin = directory.toAbsolutePath().toString();
        if (!Files.isDirectory(directory)) {
            throw new CalendarDataException(dirOrigin, 0, "holiday data directory does not exist or is not a directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> YEAR_FILE.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CalendarDataException(dirOrigin, 0, "cannot be listed: " + e.getMessage(), e);
        }
        List<YearSchedule> result = new ArrayList<>();
        for (Path file : files) {
            int year = Integer.parseInt(file.getFileName().toString().substring(0, 4));
            String origin = file.toAbsolutePath().toString();
            try {
                result.add(YearScheduleParser.parse(year, origin, decode(Files.readAllBytes(file), origin)));
            } catch (IOException e) {
                throw new CalendarDataException(origin, 0, "cannot be read: " + e.getMessage(), e);
            }
        }
        return List.copyOf(result);
    }

    /** Built-in years, with any year present in {@code overrideDirectory} replacing or adding to them. */
    public static List<YearSchedule> builtInWithOverrides(Path overrideDirectory) {
        Map<Integer, YearSchedule> byYear = new TreeMap<>();
        builtIn().forEach(s -> byYear.put(s.year(), s));
        fromDirectory(overrideDirectory).forEach(s -> byYear.put(s.year(), s));
        return List.copyOf(byYear.values());
    }

    /** Strict UTF-8: a file saved as GBK must fail loudly rather than yield garbled holiday names. */
    private static List<String> decode(byte[] bytes, String origin) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            throw new CalendarDataException(origin, 0, "is not valid UTF-8 (save it as UTF-8, not GBK)", e);
        }
    }
}
