package cn.huiyin.intake.open311;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code huiyin.intake.open311.*}: the Open311 clients allowed to file grievances, and limits.
 *
 * @param clients        the applications (mini-programs, 12345 systems, ...) with their api keys
 * @param maxRequestSize largest POST body; a full form with a 4,000-character description is under 20 KB
 * @param discovery      what {@code /open311/discovery.{json,xml}} tells clients
 */
@ConfigurationProperties("huiyin.intake.open311")
record Open311Properties(@DefaultValue List<Client> clients, @DefaultValue("64KB") DataSize maxRequestSize,
                         @DefaultValue Discovery discovery) {

    /**
     * One Open311 client. Grievances it files are recorded by {@code open311:<name>} of organisation {@code org}, and
     * it sees only those.
     *
     * @param name   short, stable, lower case (it is stored in every grievance the client files)
     * @param apiKey at least 16 characters; production sets it from a secret
     * @param org    the organisation that runs the client
     */
    record Client(String name, String apiKey, String org) {
    }

    /**
     * @param changeset  sortable; change it when the services or their definitions change, so clients refresh
     * @param contact    how to reach the operators
     * @param keyService how to get an api key
     * @param type       {@code production} or {@code test}
     */
    record Discovery(@DefaultValue("2026-11-22T00:00:00+08:00") String changeset,
                     @DefaultValue("回音平台运维组 / Huiyin operators") String contact,
                     @DefaultValue("向回音平台运维组申请 api_key / Ask the Huiyin operators for an api_key") String keyService,
                     @DefaultValue("production") String type) {
    }
}
