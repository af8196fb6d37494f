package cn.huiyin.triage.application;

import java.util.List;

import cn.huiyin.triage.domain.Organisation;
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

    /** Loads the stored registry, first filling an empty store with {@code seed} (the demo city). */
    public Registry(OrganisationStore store, List<Organisation> seed) {
        this.store = store;
        if (store.loadAll().isEmpty()) {
            new OrganisationRegistry(seed);
            store.replaceAll(seed);
        }
        reload();
    }

    public OrganisationRegistry current() {
        return loaded.registry();
    }

    public void refreshIfChanged() {
        if (store.revision() != loaded.revision()) {
            reload();
        }
    }

    synchronized void reload() {
        long revision = store.revision();
        loaded = new Loaded(new OrganisationRegistry(store.loadAll()), revision);
    }
}
