package fi.arki.insight;

import fi.arki.shared.Language;
import java.util.Map;

/** The few fixed words summaries and exports use, in Finnish, Swedish and English. */
final class SummaryTexts {

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("summary", new String[]{"Yhteenveto", "Sammanfattning", "Summary"}),
            Map.entry("deck", new String[]{"Korttipakka", "Kortlek", "Deck"}),
            Map.entry("organisation", new String[]{"Organisaatio", "Organisation", "Organisation"}),
            Map.entry("held", new String[]{"Pidetty", "Hållen", "Held"}),
            Map.entry("participants", new String[]{"Osallistujia", "Deltagare", "Participants"}),
            Map.entry("mode.anonymous", new String[]{"Anonyymi", "Anonym", "Anonymous"}),
            Map.entry("mode.named", new String[]{"Nimellinen", "Med namn", "Named"}),
            Map.entry("targets", new String[]{"Kehittämiskohteet", "Utvecklingsmål", "Development targets"}),
            Map.entry("reviews", new String[]{"Aiempien kohteiden arviointi", "Uppföljning av tidigare mål", "Review of earlier targets"}),
            Map.entry("owner", new String[]{"Vastuuhenkilö", "Ansvarig", "Owner"}),
            Map.entry("due", new String[]{"Määräaika", "Tidsfrist", "Due"}),
            Map.entry("dimension", new String[]{"Ulottuvuus", "Dimension", "Dimension"}),
            Map.entry("card", new String[]{"Kortti", "Kort", "Card"}),
            Map.entry("activity", new String[]{"Tehtävä", "Uppgift", "Activity"}),
            Map.entry("kind", new String[]{"Laji", "Typ", "Kind"}),
            Map.entry("text", new String[]{"Teksti", "Text", "Text"}),
            Map.entry("lane", new String[]{"Sarake", "Kolumn", "Column"}),
            Map.entry("group", new String[]{"Ryhmä", "Grupp", "Group"}),
            Map.entry("votes", new String[]{"Ääniä", "Röster", "Votes"}),
            Map.entry("author", new String[]{"Kirjoittaja", "Skribent", "Author"}),
            Map.entry("unit", new String[]{"Vastuualue", "Ansvarsområde", "Unit"}),
            Map.entry("team", new String[]{"Tiimi", "Team", "Team"}),
            Map.entry("outcome", new String[]{"Tilanne", "Läge", "Outcome"}),
            Map.entry("note", new String[]{"Huomio", "Anteckning", "Note"}),
            Map.entry("none", new String[]{"Ei vastauksia.", "Inga svar.", "No answers."}),
            Map.entry("lane.start", new String[]{"Aloita", "Börja", "Start"}),
            Map.entry("lane.continue", new String[]{"Jatka", "Fortsätt", "Continue"}),
            Map.entry("lane.stop", new String[]{"Lopeta", "Sluta", "Stop"}),
            Map.entry("stage.pre", new String[]{"Ennen", "Före", "Pre"}),
            Map.entry("stage.core", new String[]{"Ydin", "Kärna", "Core"}),
            Map.entry("stage.post", new String[]{"Jälkeen", "Efter", "Post"}),
            Map.entry("owner.own", new String[]{"Oma", "Egen", "Own"}),
            Map.entry("owner.partner", new String[]{"Kumppani", "Partner", "Partner"}),
            Map.entry("owner.customer", new String[]{"Asiakas", "Kund", "Customer"}),
            Map.entry("owner.digital", new String[]{"Digitaalinen", "Digital", "Digital"}),
            Map.entry("rating.average", new String[]{"Keskiarvo {0} ({1} vastaajaa)", "Medelvärde {0} ({1} svarande)", "Average {0} ({1} respondents)"}),
            Map.entry("rating.net", new String[]{"Nettosuositteluindeksi {0}", "Nettorekommendation {0}", "Net score {0}"}),
            Map.entry("rating.value", new String[]{"Arvo {0}: {1} kpl", "Värde {0}: {1} st", "Value {0}: {1}"}),
            Map.entry("rating.withheld", new String[]{"Alle {0} vastaajaa: tulosta ei näytetä nimettömyyden suojaamiseksi.",
                    "Färre än {0} svarande: resultatet visas inte för att skydda anonymiteten.",
                    "Fewer than {0} respondents: no result is shown, to protect anonymity."}),
            Map.entry("touchpoint", new String[]{"tunne {0}/5, vaivannäkö {1}/7", "känsla {0}/5, ansträngning {1}/7", "emotion {0}/5, effort {1}/7"}),
            Map.entry("peak", new String[]{"huippu", "topp", "peak"}),
            Map.entry("end", new String[]{"loppu", "slut", "end"}),
            Map.entry("improve", new String[]{"kehitetään ensin", "förbättras först", "improve first"}),
            Map.entry("outcome.done", new String[]{"Valmis", "Klar", "Done"}),
            Map.entry("outcome.in-progress", new String[]{"Kesken", "Pågår", "In progress"}),
            Map.entry("outcome.dropped", new String[]{"Luovuttu", "Avbruten", "Dropped"}),
            Map.entry("print.card-of", new String[]{"Kortti {0}/{1}", "Kort {0}/{1}", "Card {0} of {1}"}),
            Map.entry("print.source", new String[]{"Lähde: {0}", "Källa: {0}", "Source: {0}"}),
            Map.entry("print.video", new String[]{"Video: {0}", "Video: {0}", "Video: {0}"}),
            Map.entry("print.phone", new String[]{"Vastaa puhelimella: skannaa koodi tai avaa {0} ja kirjoita koodi {1}.",
                    "Svara med telefonen: skanna koden eller öppna {0} och skriv koden {1}.",
                    "Answer on your phone: scan the code, or open {0} and type the code {1}."}),
            Map.entry("print.minutes", new String[]{"noin {0} min", "cirka {0} min", "about {0} min"}));

    private SummaryTexts() {
    }

    static String text(Language language, String key, Object... args) {
        String[] values = TEXTS.get(key);
        String pattern = values == null ? key : values[language.ordinal()];
        return args.length == 0 ? pattern : new java.text.MessageFormat(pattern.replace("'", "''"), language.locale()).format(args);
    }
}
