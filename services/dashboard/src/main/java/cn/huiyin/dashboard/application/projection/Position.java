package cn.huiyin.dashboard.application.projection;

/**
 * Where an event was read from: its topic-partition as a short slot name ({@code fu-3}: follow-up's partition 3) and
 * its offset. Cells remember the highest offset they applied per slot, so a redelivered record cannot count twice.
 */
public record Position(String slot, long offset) {
}
