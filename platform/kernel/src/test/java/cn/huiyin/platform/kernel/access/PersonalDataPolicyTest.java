package cn.huiyin.platform.kernel.access;

import static cn.huiyin.platform.kernel.access.PersonalDataPolicy.Field.MOBILE;
import static cn.huiyin.platform.kernel.access.PersonalDataPolicy.Field.NAME;
import static cn.huiyin.platform.kernel.access.PersonalDataPolicy.Field.RESIDENT_ID;
import static cn.huiyin.platform.kernel.access.PersonalDataPolicy.Shown.IN_FULL;
import static cn.huiyin.platform.kernel.access.PersonalDataPolicy.Shown.MASKED;
import static cn.huiyin.platform.kernel.access.PersonalDataPolicy.Shown.WITHHELD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import cn.huiyin.platform.kernel.access.PersonalDataPolicy.Field;
import cn.huiyin.platform.kernel.access.PersonalDataPolicy.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table of docs/privacy.md, role by role. The expectations are written here, not derived from the policy.
 */
class PersonalDataPolicyTest {

    /** Reads it by territory (clerks, operators, triage officers, supervisors, callback agents). */
    private static final Standing TERRITORY = new Standing(false, true, false, false);
    /** The handling or a co-handling organisation. */
    private static final Standing HANDLING = new Standing(false, false, true, false);
    private static final Standing ENTERPRISE = new Standing(false, false, true, true);
    private static final Standing ENTERPRISE_CONFIDENTIAL = new Standing(true, false, true, true);
    private static final Standing HANDLING_CONFIDENTIAL = new Standing(true, false, true, false);
    private static final Standing TERRITORY_CONFIDENTIAL = new Standing(true, true, false, false);

    private static final Set<Field> MASKED_FIELDS = EnumSet.of(NAME, MOBILE, RESIDENT_ID);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WINDOW_CLERK", "HOTLINE_OPERATOR", "TRIAGE_OFFICER", "SUPERVISOR", "CALLBACK_AGENT"})
    void staffReadingByTerritorySeeNamesAndNumbersMaskedAndTheRestEvenWhenConfidential(String role) {
        Caller caller = caller(role, "org-district-lqy");

        for (Standing standing : new Standing[] {TERRITORY, TERRITORY_CONFIDENTIAL}) {
            for (Field field : Field.values()) {
                assertThat(PersonalDataPolicy.shown(caller, standing, field)).as(role + " " + field)
                    .isEqualTo(MASKED_FIELDS.contains(field) ? MASKED : IN_FULL);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ORG_HANDLER", "DEPARTMENT_LIAISON"})
    void theHandlingOrganisationSeesTheSameAndMayContactTheWorker(String role) {
        Caller caller = caller(role, "org-committee-online-delivery");

        for (Standing standing : new Standing[] {HANDLING, HANDLING_CONFIDENTIAL, ENTERPRISE}) {
            for (Field field : Field.values()) {
                assertThat(PersonalDataPolicy.shown(caller, standing, field)).as(role + " " + field)
                    .isEqualTo(MASKED_FIELDS.contains(field) ? MASKED : IN_FULL);
            }
            assertThat(PersonalDataPolicy.mayContact(caller, standing)).as(role).isTrue();
        }
    }

    @Test
    void anEnterpriseHandlingAConfidentialCaseSeesNothingThatIdentifiesTheWorkerAndCannotContactThem() {
        Caller meituan = caller("ORG_HANDLER", "org-ent-meituan");

        for (Field field : Field.values()) {
            assertThat(PersonalDataPolicy.shown(meituan, ENTERPRISE_CONFIDENTIAL, field)).as(field.name())
                .isEqualTo(WITHHELD);
        }
        assertThat(PersonalDataPolicy.mayContact(meituan, ENTERPRISE_CONFIDENTIAL)).isFalse();
    }

    @Test
    void onlyCallbackAgentsAndHandlersMayContactTheWorkerAndAgentsOnlyInTheirTerritory() {
        assertThat(PersonalDataPolicy.mayContact(caller("CALLBACK_AGENT", "org-hotline"), TERRITORY)).isTrue();
        assertThat(PersonalDataPolicy.mayContact(caller("CALLBACK_AGENT", "org-hotline"), HANDLING)).isFalse();
        for (String role : new String[] {"WINDOW_CLERK", "HOTLINE_OPERATOR", "TRIAGE_OFFICER", "SUPERVISOR",
            "MEETING_CONVENER", "DASHBOARD_VIEWER", "ADMIN"}) {
            assertThat(PersonalDataPolicy.mayContact(caller(role, "org-x"), TERRITORY)).as(role).isFalse();
            assertThat(PersonalDataPolicy.mayContact(caller(role, "org-x"), HANDLING)).as(role).isFalse();
        }
        assertThat(PersonalDataPolicy.mayContact(caller("ORG_HANDLER", "org-x"), TERRITORY)).isFalse();
    }

    private static Caller caller(String role, String org) {
        return new Caller(role.toLowerCase() + "@" + org, Set.of(role), org, Jurisdiction.of("510100"));
    }
}
