package fi.arki.ui.session;

import com.vaadin.flow.component.html.Image;
import fi.arki.deck.RatingScale;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Charts drawn on the server as SVG and shown through an {@code <img>} (a data URL), so nothing in
 * them can run as script. Numbers only; no text people wrote goes into a chart.
 */
final class Charts {

    private Charts() {
    }

    static Image distribution(RatingScale scale, Map<Integer, Long> counts, String alt) {
        int values = scale.max() - scale.min() + 1;
        long most = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int barWidth = 28;
        int gap = 8;
        int height = 120;
        int width = values * (barWidth + gap) + gap;
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + width + " " + (height + 20)
                + "' font-family='sans-serif' font-size='11'>");
        for (int i = 0; i < values; i++) {
            int value = scale.min() + i;
            long count = counts.getOrDefault(value, 0L);
            int bar = (int) Math.round((height - 16) * (double) count / most);
            int x = gap + i * (barWidth + gap);
            svg.append("<rect x='").append(x).append("' y='").append(height - bar).append("' width='").append(barWidth)
                    .append("' height='").append(bar).append("' fill='#1f5f99'/>");
            svg.append("<text x='").append(x + barWidth / 2).append("' y='").append(height + 14).append("' text-anchor='middle'>")
                    .append(value).append("</text>");
            if (count > 0) {
                svg.append("<text x='").append(x + barWidth / 2).append("' y='").append(height - bar - 3)
                        .append("' text-anchor='middle'>").append(count).append("</text>");
            }
        }
        svg.append("</svg>");
        Image image = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8)), alt);
        image.addClassName("arki-chart");
        return image;
    }

    static Image qr(String svg, String alt) {
        Image image = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), alt);
        image.addClassName("arki-qr");
        image.setId("join-qr");
        return image;
    }
}
