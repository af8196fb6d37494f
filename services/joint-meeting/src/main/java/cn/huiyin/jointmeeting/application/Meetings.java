package cn.huiyin.jointmeeting.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;

/**
 * Where joint meetings are kept. Storing one also stores the events it raised, in the same write; a stored meeting
 * knows the version it was stored at ({@link JointMeeting#version()}), which clients send back as If-Match.
 */
public interface Meetings {

    /** A new meeting id for a meeting on {@code day}: {@code JM-20261203-001}, counting up through the day. */
    String nextId(LocalDate day);

    boolean addIfAbsent(JointMeeting meeting);

    Optional<JointMeeting> find(String id);

    /** @throws org.springframework.dao.OptimisticLockingFailureException if it changed since it was read */
    void update(JointMeeting meeting);

    /** Meetings an organisation convenes, latest first. */
    List<JointMeeting> convenedBy(String organisationId);

    /** Meetings an organisation convenes or is invited to, latest first. */
    List<JointMeeting> withParticipant(String organisationId);

    /** Meetings that assigned an action item an organisation leads or helps with, latest first. */
    List<JointMeeting> withActionItemsOf(String organisationId);

    /** Meetings whose agenda takes up any of these review requests. */
    List<JointMeeting> takingUp(Collection<String> reviewRequestIds);
}
