package fi.arki.followup;

/** What the retention purge of one session did to the targets committed and reviewed in it. */
public record TargetsReleased(int deleted, int detached, int reviewsDeleted) {

    public static final TargetsReleased NONE = new TargetsReleased(0, 0, 0);
}
