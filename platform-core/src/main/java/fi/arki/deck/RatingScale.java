package fi.arki.deck;

import java.util.Arrays;
import java.util.Optional;

/** The scales a rating or pulse can use (thesis ch. 2.3 and 3.2). */
public enum RatingScale {
    /** 1–5, as satisfaction surveys use. */
    SCALE_1_5("scale-1-5", 1, 5),
    /** Five faces from very unhappy to very happy, stored as 1–5. */
    SMILEYS("smileys", 1, 5),
    /** Net Promoter Score: 0–10; detractors 0–6, passives 7–8, promoters 9–10. */
    NPS("nps", 0, 10),
    /** Employee NPS: the same question about the workplace. */
    ENPS("enps", 0, 10),
    /** Customer Effort Score: how easy it was to get the matter handled, 1 (very hard) – 7 (very easy). */
    CES("ces", 1, 7);

    private final String code;
    private final int min;
    private final int max;

    RatingScale(String code, int min, int max) {
        this.code = code;
        this.min = min;
        this.max = max;
    }

    public String code() {
        return code;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int value) {
        return value >= min && value <= max;
    }

    public static Optional<RatingScale> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
