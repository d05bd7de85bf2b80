package fi.arki.admin.internal;

import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaManagement;
import fi.arki.followup.IdeaStatus;
import fi.arki.identity.Account;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.PlatformAdministrators;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenant of the embedded default: two units, three teams, local accounts for each role
 * (listed in README.md), Finnish, Swedish and English, and the built-in decks offered, so that a
 * newcomer can run a session at once. Seeded once, in one transaction; a restart finds it and does nothing.
 */
@Component
@ConditionalOnBooleanProperty("arki.demo.enabled")
@Order(100) // after the deck registry (order 0) has installed the built-in decks
class DemoTenant implements ApplicationRunner {

    static final TenantId ID = new TenantId(UUID.fromString("00000000-0000-4000-8000-00000000de70"));
    static final String SLUG = "demo";
    static final String PASSWORD = "arki-demo";
    static final String PLATFORM_ADMIN = "platform";
    static final List<String> BUILT_IN_DECKS = List.of("juuti", "servicepath", "sharedcustomers");

    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);

    private final TenantManagement tenants;
    private final DirectoryManagement directory;
    private final AccountManagement accounts;
    private final TenantSettingsManagement settings;
    private final DeckManagement decks;
    private final IdeaManagement ideas;
    private final TransactionTemplate transaction;
    private final PlatformAdministrators platformAdministrators;

    DemoTenant(TenantManagement tenants, DirectoryManagement directory, AccountManagement accounts,
               TenantSettingsManagement settings, DeckManagement decks, IdeaManagement ideas,
               PlatformTransactionManager transactions, PlatformAdministrators platformAdministrators) {
        this.platformAdministrators = platformAdministrators;
        this.tenants = tenants;
        this.directory = directory;
        this.accounts = accounts;
        this.settings = settings;
        this.decks = decks;
        this.ideas = ideas;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.find(ID).isPresent()) {
            return;
        }
        TenantContext.runAs(ID, () -> transaction.executeWithoutResult(status -> seed()));
        // the flag the runtime role cannot write (T-29), through the owner role once the account is committed
        platformAdministrators.grantLocal(PLATFORM_ADMIN);
        log.info("Seeded the demo tenant '{}' with local accounts (password '{}')", SLUG, PASSWORD);
    }

    private void seed() {
        tenants.create(ID, SLUG, "Demo-elinvoimakeskus");

        Unit business = directory.createUnit("Elinvoima ja yrityspalvelut");
        Unit environment = directory.createUnit("Ympäristö ja luonnonvarat");
        Team funding = directory.createTeam(business.id(), "Yritysrahoitus");
        Team skills = directory.createTeam(business.id(), "Osaaminen ja kotoutuminen");
        Team water = directory.createTeam(environment.id(), "Vesitalous");

        accounts.createLocal(PLATFORM_ADMIN, "Pia Platform", PASSWORD, false);

        Person admin = person("admin", "Aino Ylläpitäjä", Role.TENANT_ADMIN, Role.FACILITATOR);
        Person facilitator = person("facilitator", "Fanni Fasilitaattori", Role.FACILITATOR, Role.MEMBER);
        Person p1 = person("participant1", "Olli Osallistuja", Role.MEMBER);
        Person p2 = person("participant2", "Sanna Saarinen", Role.MEMBER);
        Person p3 = person("participant3", "Erik Ek", Role.MEMBER);

        directory.addToTeam(funding.id(), facilitator.id(), true);
        directory.addToTeam(funding.id(), p1.id(), false);
        directory.addToTeam(funding.id(), p2.id(), false);
        directory.addToTeam(funding.id(), p3.id(), false);
        directory.addToTeam(skills.id(), admin.id(), true);
        directory.addToTeam(water.id(), p3.id(), false);

        // the idea pipeline: one idea the organisation has answered, one waiting for it
        IdeaId answered = IdeaId.random();
        ideas.escalate(facilitator.id(), new IdeaDraft(answered, funding.id(), null, null,
                "Yhteinen asiakaslista, jotta asiakas ei joudu kertomaan asiaansa joka yksikössä uudelleen"));
        ideas.respond(answered, IdeaStatus.CONSIDERING,
                "Hyvä ajatus. Selvitämme kevään aikana, miten lista sopii asiakastietojärjestelmään.");
        ideas.escalate(p1.id(), new IdeaDraft(IdeaId.random(), funding.id(), null, null,
                "Asiakaspalautteen koonti tiimipalaveriin kerran kuussa"));

        // a bilingual authority, as many of Arki's first tenants are, with every built-in deck offered
        settings.update(new TenantSettings(List.of(Language.FI, Language.SV, Language.EN), Language.FI, true,
                TenantSettings.DEFAULT_ANONYMITY_THRESHOLD, 730, "Demo-elinvoimakeskuksessa", "Demo-elinvoimakeskuksesta"));
        for (String deck : BUILT_IN_DECKS) {
            try {
                decks.enable(deck, null);
            } catch (InvalidInputException notInstalled) {
                log.warn("Demo tenant: deck {} is not available, not offered", deck);
            }
        }
    }

    private Person person(String username, String name, Role... roles) {
        Account account = accounts.createLocal(username, name, PASSWORD, false);
        Person person = directory.addPerson(name, username + "@demo.arki.fi", account.id());
        for (Role role : roles) {
            directory.grantRole(person.id(), role);
        }
        return person;
    }
}
