package cn.huiyin.dashboard.domain.cell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import cn.huiyin.dashboard.domain.fact.CaseFact;

/**
 * Working hours to respond and to resolve, counted into buckets so that a median and a 90th percentile can be read
 * from pre-aggregated cells: an exact quantile would need every case. A quantile is interpolated linearly within its
 * bucket, so it is exact to the bucket's width (half an hour at first, a few working days at the long end).
 */
public enum TimeHistogram {

    /** From submission to the first contact with the worker (FirstResponseRecorded.workingMinutes). */
    RESPONSE("rt", Counter.RESPONDED, CaseFact::responseWorkingMinutes),
    /** From submission to the latest resolution, pauses for the worker's material excluded. */
    RESOLUTION("st", Counter.RESOLVED, CaseFact::resolutionWorkingMinutes);

    /** Upper edges of the buckets in working hours; a last bucket holds everything longer. */
    static final double[] EDGES_HOURS = {0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 40, 48, 64, 80, 120, 160, 240, 320, 480};

    private final String prefix;
    private final Counter population;
    private final Function<CaseFact, Integer> minutes;

    TimeHistogram(String prefix, Counter population, Function<CaseFact, Integer> minutes) {
        this.prefix = prefix;
        this.population = population;
        this.minutes = minutes;
    }

    /** The cases the histogram is over (its drill-down list). */
    public Counter population() {
        return population;
    }

    public String field(int bucket) {
        return prefix + String.format("%02d", bucket);
    }

    public int buckets() {
        return EDGES_HOURS.length + 1;
    }

    static int bucket(int workingMinutes) {
        for (int i = 0; i < EDGES_HOURS.length; i++) {
            if (workingMinutes <= EDGES_HOURS[i] * 60) {
                return i;
            }
        }
        return EDGES_HOURS.length;
    }

    /** The bucket {@code fact} falls in, as a counter field with value 1, or nothing. */
    Map<String, Long> of(CaseFact fact) {
        Integer value = minutes.apply(fact);
        if (value == null || population.of(fact) == 0) {
            return Map.of();
        }
        return Map.of(field(bucket(value)), 1L);
    }

    /** The counts per bucket read from summed counters, in bucket order. */
    public long[] counts(Map<String, Long> counters) {
        long[] counts = new long[buckets()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = counters.getOrDefault(field(i), 0L);
        }
        return counts;
    }

    /**
     * The {@code q}-quantile in working hours, linearly interpolated within its bucket; null without cases. A quantile
     * in the open last bucket is given as that bucket's lower edge (at least that long).
     */
    public Double quantile(Map<String, Long> counters, double q) {
        long[] counts = counts(counters);
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                double lower = i == 0 ? 0 : EDGES_HOURS[i - 1];
                if (i == EDGES_HOURS.length) {
                    return lower;
                }
                double upper = EDGES_HOURS[i];
                double within = (rank - below) / counts[i];
                return Math.round((lower + (upper - lower) * within) * 100) / 100.0;
            }
            below += counts[i];
        }
        return EDGES_HOURS[EDGES_HOURS.length - 1];
    }

    /** The bucket edges, for the definitions the API serves. */
    public static Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("unit", "working hours");
        description.put("upperEdges", EDGES_HOURS.clone());
        return description;
    }
}
