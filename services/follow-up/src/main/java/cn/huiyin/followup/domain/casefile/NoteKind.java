package cn.huiyin.followup.domain.casefile;

/** What a progress entry is. */
public enum NoteKind {
    NOTE, CO_HANDLER_PART, MATERIAL_RECEIVED, SUPERVISION_REPLY
}
