package cn.huiyin.triage.application;

import cn.huiyin.triage.domain.OrganisationRegistry;

/**
 * The organisation registry as routing reads it: an immutable snapshot in memory (routing runs for every grievance and
 * must not wait for the database), reloaded after every edit here and, for edits made through another instance, when
 * the stored revision moves ({@link #refreshIfChanged()}, called every few seconds).
 */
public class Registry {

    private record Loaded(OrganisationRegistry registry, long revision) {
    }

    private final OrganisationStore store;
    private volatile Loaded loaded;

    /** Loads the stored registry (empty until the registry file is first loaded, see {@code RuleLoading}). */
    public Registry(OrganisationStore store) {
        this.store = store;
        reload();
    }

    public OrganisationRegistry current() {
        return loaded.registry();
    }

    /** @return whether the registry was reloaded */
    public boolean refreshIfChanged() {
        if (store.revision() != loaded.revision()) {
            reload();
            return true;
        }
        return false;
    }

    public synchronized void reload() {
        long revision = store.revision();
        loaded = new Loaded(new OrganisationRegistry(store.loadAll()), revision);
    }
}
