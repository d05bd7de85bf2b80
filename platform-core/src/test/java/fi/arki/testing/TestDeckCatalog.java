package fi.arki.testing;

import fi.arki.deck.Activity;
import fi.arki.deck.Card;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.DeckManifest;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.DeckTexts;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.Provenance;
import fi.arki.deck.RatingScale;
import fi.arki.shared.Language;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A small deck for session tests while the deck registry is built elsewhere: one Juuti-like
 * dimension card (intro, prompt, group, vote, rate, commit) that can run alone, and a card with
 * the remaining activity kinds. Enabled for every tenant.
 */
public class TestDeckCatalog implements DeckCatalog {

    public static final String DECK = "test-juuti";
    public static final String VERSION = "1.0.0";

    public static final InstalledDeck INSTALLED = new InstalledDeck(manifest(), texts(), DeckOrigin.CODE, true);

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        DeckCatalog testDeckCatalog() {
            return new TestDeckCatalog();
        }
    }

    /**
     * A closing-style deck whose vote is over a group step (ideas, group, vote), as the Juuti
     * deck's closing card is: enabled only for the tenants a test names with {@link #enableClosing}.
     */
    public static final String CLOSING_DECK = "test-closing";
    public static final InstalledDeck CLOSING = new InstalledDeck(new DeckManifest(CLOSING_DECK, VERSION, ">=0.1",
            List.of(Language.FI, Language.SV, Language.EN), new Provenance("Juuti (2015)", null, null), "CC-BY-4.0", List.of(),
            List.of(new Card("closing", 20, true, null, List.of(
                    new Activity.Prompt("ideas"),
                    new Activity.Group("group", "ideas"),
                    new Activity.Vote("vote", "group", 3))))),
            new DeckTexts(Map.of(Language.FI, Map.of("deck.title", "Päätös (testi)", "card.closing.title", "Päätös",
                    "card.closing.ideas", "Ideat", "card.closing.group", "Ryhmitelkää", "card.closing.vote", "Äänestäkää"))),
            DeckOrigin.CODE, true);

    private static final java.util.Set<fi.arki.shared.TenantId> CLOSING_ENABLED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static void enableClosing(fi.arki.shared.TenantId tenant) {
        CLOSING_ENABLED.add(tenant);
    }

    @Override
    public List<InstalledDeck> enabledForCurrentTenant() {
        boolean closing = fi.arki.tenancy.TenantContext.current().map(CLOSING_ENABLED::contains).orElse(false);
        return closing ? List.of(INSTALLED, CLOSING) : List.of(INSTALLED);
    }

    @Override
    public Optional<InstalledDeck> find(String deckId, String version) {
        if (CLOSING_DECK.equals(deckId) && VERSION.equals(version)) {
            return Optional.of(CLOSING);
        }
        return DECK.equals(deckId) && VERSION.equals(version) ? Optional.of(INSTALLED) : Optional.empty();
    }

    private static final java.util.Set<fi.arki.shared.TenantId> ATTRIBUTING_TO_TEAMS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Turns the deck's {@code attribute-to-teams} setting on for one tenant (as its administrator
     * would in the deck catalogue). Tests make their own tenants, so nothing needs undoing.
     */
    public static void attributeToTeams(fi.arki.shared.TenantId tenant) {
        ATTRIBUTING_TO_TEAMS.add(tenant);
    }

    @Override
    public fi.arki.deck.DeckSettings settings(InstalledDeck deck) {
        // deck settings the session honours: at most two touchpoints per stage of a journey map; answers by team where turned on
        boolean byTeam = fi.arki.tenancy.TenantContext.current().map(ATTRIBUTING_TO_TEAMS::contains).orElse(false);
        return new fi.arki.deck.DeckSettings(deck.id(), List.of(
                new fi.arki.deck.Setting("touchpoints-per-stage", fi.arki.deck.Setting.Type.INTEGER, "2", 2, 12, List.of()),
                new fi.arki.deck.Setting("attribute-to-teams", fi.arki.deck.Setting.Type.BOOLEAN, "false", null, null, List.of())),
                Map.of("touchpoints-per-stage", "2", "attribute-to-teams", Boolean.toString(byTeam)));
    }

    @Override
    public Optional<fi.arki.deck.DeckImage> image(String deckId, String version, String name) {
        return Optional.empty();
    }

    static DeckManifest manifest() {
        Card competence = new Card("competence", 15, true, "competence", List.of(
                new Activity.Intro("intro", "https://www.example.org/video"),
                new Activity.Prompt("prompt"),
                new Activity.Group("group", "prompt"),
                new Activity.Vote("vote", "prompt", 3),
                new Activity.Rate("rate", RatingScale.SCALE_1_5),
                new Activity.CommitTargets("targets", 2)));
        Card service = new Card("service", 30, true, "service", List.of(
                new Activity.StartContinueStop("scs"),
                new Activity.JourneyMap("journey", List.of(Activity.JourneyStage.values()), List.of(Activity.TouchpointOwner.values())),
                new Activity.ReviewTargets("review"),
                new Activity.Pulse("pulse", RatingScale.NPS)));
        return new DeckManifest(DECK, VERSION, ">=0.1", List.of(Language.FI, Language.SV, Language.EN),
                new Provenance("Juuti (2015)", null, null), "CC-BY-4.0", List.of(), List.of(competence, service));
    }

    static DeckTexts texts() {
        Map<Language, Map<String, String>> all = new HashMap<>();
        all.put(Language.FI, Map.ofEntries(
                Map.entry("deck.title", "Juutin kuusi ulottuvuutta (testi)"),
                Map.entry("card.competence.title", "Osaaminen"),
                Map.entry("card.competence.intro", "Osaaminen on tietoa, taitoa ja asennetta."),
                Map.entry("card.competence.intro.source", "Juuti 2015"),
                Map.entry("card.competence.prompt", "Mitä osaamista olemme saaneet asiakkailta {organisation:inessive}?"),
                Map.entry("card.competence.group", "Ryhmitelkää samankaltaiset vastaukset"),
                Map.entry("card.competence.vote", "Mitkä ovat tärkeimmät?"),
                Map.entry("card.competence.rate", "Kuinka hyvin osaamistamme hyödynnetään?"),
                Map.entry("card.competence.targets", "Sopikaa 1–2 kehittämiskohdetta"),
                Map.entry("card.service.title", "Palvelu"),
                Map.entry("card.service.scs", "Mitä aloitamme, jatkamme ja lopetamme?"),
                Map.entry("card.service.journey", "Piirtäkää asiakkaan palvelupolku"),
                Map.entry("card.service.review", "Miten aiemmat kohteet etenivät?"),
                Map.entry("card.service.pulse", "Suosittelisitko työpaikkaasi?"),
                Map.entry("dimension.competence", "Osaaminen"),
                Map.entry("dimension.service", "Palvelu")));
        all.put(Language.SV, Map.ofEntries(
                Map.entry("deck.title", "Juutis sex dimensioner (test)"),
                Map.entry("card.competence.title", "Kompetens"),
                Map.entry("card.competence.intro", "Kompetens är kunskap, färdighet och attityd."),
                Map.entry("card.competence.intro.source", "Juuti 2015"),
                Map.entry("card.competence.prompt", "Vilken kompetens har vi fått av kunderna på {organisation}?"),
                Map.entry("card.competence.group", "Gruppera liknande svar"),
                Map.entry("card.competence.vote", "Vilka är viktigast?"),
                Map.entry("card.competence.rate", "Hur väl utnyttjas vår kompetens?"),
                Map.entry("card.competence.targets", "Kom överens om 1–2 utvecklingsmål"),
                Map.entry("card.service.title", "Service"),
                Map.entry("card.service.scs", "Vad börjar, fortsätter och slutar vi med?"),
                Map.entry("card.service.journey", "Rita kundens servicestig"),
                Map.entry("card.service.review", "Hur gick de tidigare målen?"),
                Map.entry("card.service.pulse", "Skulle du rekommendera din arbetsplats?"),
                Map.entry("dimension.competence", "Kompetens"),
                Map.entry("dimension.service", "Service")));
        all.put(Language.EN, Map.ofEntries(
                Map.entry("deck.title", "Juuti's six dimensions (test)"),
                Map.entry("card.competence.title", "Competence"),
                Map.entry("card.competence.intro", "Competence is knowledge, skill and attitude."),
                Map.entry("card.competence.intro.source", "Juuti 2015"),
                Map.entry("card.competence.prompt", "What have we learnt from customers at {organisation}?"),
                Map.entry("card.competence.group", "Group similar answers"),
                Map.entry("card.competence.vote", "Which matter most?"),
                Map.entry("card.competence.rate", "How well is our competence used?"),
                Map.entry("card.competence.targets", "Agree on 1–2 development targets"),
                Map.entry("card.service.title", "Service"),
                Map.entry("card.service.scs", "What do we start, continue and stop?"),
                Map.entry("card.service.journey", "Map the customer's service path"),
                Map.entry("card.service.review", "How did the earlier targets go?"),
                Map.entry("card.service.pulse", "Would you recommend your workplace?"),
                Map.entry("dimension.competence", "Competence"),
                Map.entry("dimension.service", "Service")));
        return new DeckTexts(all);
    }
}
