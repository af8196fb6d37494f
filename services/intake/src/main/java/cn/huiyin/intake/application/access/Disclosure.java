package cn.huiyin.intake.application.access;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.PersonalDataPolicy;

/** What one caller may see of the worker on one grievance: the platform's policy, applied. */
public record Disclosure(Caller caller, PersonalDataPolicy.Standing standing) {

    public PersonalDataPolicy.Shown shown(PersonalDataPolicy.Field field) {
        return PersonalDataPolicy.shown(caller, standing, field);
    }

    public boolean withholds(PersonalDataPolicy.Field field) {
        return shown(field) == PersonalDataPolicy.Shown.WITHHELD;
    }

    public boolean mayContact() {
        return PersonalDataPolicy.mayContact(caller, standing);
    }
}
