package fi.arki.followup;

import java.util.Arrays;

/** Where an escalated idea stands in the organisation's pipeline, in the order it usually moves. */
public enum IdeaStatus {
    NEW("new"), CONSIDERING("considering"), ACCEPTED("accepted"), DONE("done"), DECLINED("declined");

    private final String code;

    IdeaStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static IdeaStatus ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }
}
