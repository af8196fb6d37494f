package cn.huiyin.intake.application;

import java.time.LocalDate;

import cn.huiyin.intake.domain.TrackingNumber;

/** Hands out tracking numbers, unique across all intake instances. */
public interface TrackingNumbers {

    TrackingNumber next(LocalDate day);
}
