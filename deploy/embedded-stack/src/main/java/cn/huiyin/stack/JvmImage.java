package cn.huiyin.stack;

/** What a JVM of the stack starts from: a service's unpacked jar ({@link ServiceImage}) or a shared host ({@link SharedJvm}). */
interface JvmImage {

    /** The JVM's arguments this time, after the stack's JVM options and before the application's own. */
    ClassDataArchive.Launch launch();

    /** The JVM of {@code launch} ended (see {@link ClassDataArchive#exited}). */
    void exited(ClassDataArchive.Launch launch, boolean readyBefore, boolean endedOnItsOwn);
}
