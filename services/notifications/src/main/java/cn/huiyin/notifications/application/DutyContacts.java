package cn.huiyin.notifications.application;

import java.util.List;
import java.util.Optional;

/** Port: each organisation's duty contacts (值班联系人), who receive its staff messages. */
public interface DutyContacts {

    List<StaffContact> of(String organisationId);

    default Optional<StaffContact> find(String organisationId, String contactId) {
        return of(organisationId).stream().filter(c -> c.id().equals(contactId)).findFirst();
    }

    /** A duty contact; mobile and email may be absent (then only the inbox reaches them). */
    record StaffContact(String id, String mobile, String email) {
    }
}
