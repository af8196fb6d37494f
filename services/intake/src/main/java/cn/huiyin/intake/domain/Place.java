package cn.huiyin.intake.domain;

import java.util.Objects;

/**
 * Where the matter is.
 *
 * @param divisionCode district, street or community code of the city
 * @param coordinates  optional, e.g. from a grid reporter's photo
 */
public record Place(String divisionCode, String address, Coordinates coordinates) {

    public Place {
        Objects.requireNonNull(divisionCode, "divisionCode");
    }

    public record Coordinates(double latitude, double longitude) {
    }
}
