package fi.arki.ui.decks;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fi.arki.deck.DeckCatalogueEntry;
import fi.arki.deck.DeckManagement;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.DeckState;
import fi.arki.deck.InstalledDeck;
import fi.arki.directory.Role;
import fi.arki.identity.ActingUser;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.layout.PlatformView;
import fi.arki.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * The administrators' deck catalogue: every deck version with its source, origin and state (and
 * why a failed one failed), which decks the organisation offers its facilitators, each deck's
 * settings, and the upload of content decks (for this organisation, or platform-wide for a
 * platform administrator).
 */
@Route("decks/catalogue")
@Menu(title = "nav.deck-catalogue", order = 40)
@RolesAllowed({"TENANT_ADMIN", "PLATFORM_ADMIN"})
public class DeckCatalogueView extends Main implements HasDynamicTitle, PlatformView {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeckCatalogueView.class);
    private final DeckManagement decks;
    private final UploadSlots slots;
    private final ActingUser user = CurrentUser.require();
    private final Div list = new Div();
    private final Div uploadResult = new Div();
    private final RadioButtonGroup<DeckOrigin> scope = new RadioButtonGroup<>();
    /** Read by the upload handler, which runs without the UI's lock. */
    private volatile DeckOrigin chosenScope;
    private volatile UI ui;

    public DeckCatalogueView(DeckManagement decks, UploadSlots slots) {
        this.decks = decks;
        this.slots = slots;
        addClassName("arki-page");
        add(new H1(getTranslation("decks.catalogue.title")));
        add(new Paragraph(getTranslation("decks.catalogue.intro")));
        add(uploadSection());
        list.setId("deck-list");
        add(list);
        refresh();
    }

    private Section uploadSection() {
        Section section = new Section();
        section.addClassName("arki-upload");
        H2 heading = new H2(getTranslation("decks.upload.title"));
        heading.setId("upload-heading");
        section.getElement().setAttribute("aria-labelledby", "upload-heading");
        section.add(heading, new Paragraph(getTranslation("decks.upload.help")));

        boolean tenant = user.tenant() != null;
        scope.setId("upload-scope");
        scope.setLabel(getTranslation("decks.upload.scope"));
        scope.setItems(tenant && user.platformAdmin() ? List.of(DeckOrigin.TENANT_PACKAGE, DeckOrigin.PLATFORM_PACKAGE)
                : List.of(tenant ? DeckOrigin.TENANT_PACKAGE : DeckOrigin.PLATFORM_PACKAGE));
        scope.setItemLabelGenerator(o -> o == DeckOrigin.TENANT_PACKAGE
                ? getTranslation("decks.upload.scope.tenant", user.tenantName()) : getTranslation("decks.upload.scope.platform"));
        scope.setValue(tenant ? DeckOrigin.TENANT_PACKAGE : DeckOrigin.PLATFORM_PACKAGE);
        scope.setVisible(tenant && user.platformAdmin());
        chosenScope = scope.getValue();
        scope.addValueChangeListener(e -> chosenScope = e.getValue());

        // the request streams into a capped buffer and takes the organisation's upload slot (DeckUpload)
        String organisation = user.tenant() == null ? "platform" : user.tenant().value().toString();
        Upload upload = new Upload(new DeckUpload(slots, organisation,
                e -> getTranslation(e.messageKey(), e.arguments().toArray()), this::install,
                (fileName, why) -> later(() -> refused(fileName, why))));
        upload.setId("deck-upload");
        upload.setMaxFileSize(DeckManagement.MAX_PACKAGE_BYTES);
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setI18n(uploadI18n());
        upload.addFileRejectedListener(e -> refused(e.getFileName(), new InvalidInputException("decks.upload.rejected-file")));
        // the outcome is told in words below; the file list would only repeat it
        upload.addAllFinishedListener(e -> upload.clearFileList());

        uploadResult.setId("upload-result");
        uploadResult.getElement().setAttribute("role", "status");
        section.add(scope, upload, uploadResult);
        return section;
    }

    /**
     * Installs a received package; runs for the upload request (tenant and user bound by the
     * filters), as Vaadin's in-memory upload handler calls back; the page is updated through
     * {@link #later}.
     */
    private void install(String fileName, byte[] bytes) {
        DeckOrigin chosen = chosenScope;
        try {
            DeckCatalogueEntry installed = decks.install(bytes, chosen, user.account());
            later(() -> installed(installed));
        } catch (InvalidInputException e) {
            later(() -> refused(fileName, e));
        } catch (AccessDeniedException e) {
            later(() -> refused(fileName, new InvalidInputException("decks.upload.not-allowed")));
        } catch (RuntimeException e) {
            log.warn("A deck upload could not be installed: {}", e.toString());
            later(() -> refused(fileName, new InvalidInputException("decks.upload.failed")));
        }
    }

    /** Updates the page from the upload request, unless the page has gone meanwhile. */
    private void later(com.vaadin.flow.server.Command update) {
        UI current = ui;
        if (current != null) {
            try {
                current.access(update);
            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                // the administrator left the page; the catalogue shows the outcome when opened again
            }
        }
    }

    private void installed(DeckCatalogueEntry entry) {
        uploadResult.removeAll();
        String title = entry.deck() == null ? entry.deckId() : DeckTexts.title(entry.deck(), LanguageSupport.current());
        Paragraph ok = new Paragraph(getTranslation("decks.upload.installed", title, entry.version()));
        ok.addClassName("arki-success");
        uploadResult.add(ok);
        Notification.show(ok.getText(), 5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void refused(String fileName, InvalidInputException e) {
        uploadResult.removeAll();
        Paragraph heading = new Paragraph(getTranslation("decks.upload.refused", fileName));
        heading.addClassName("arki-error");
        UnorderedList problems = DeckTexts.problems(this, e);
        problems.setId("upload-problems");
        Div alert = new Div(heading, problems);
        alert.getElement().setAttribute("role", "alert");
        uploadResult.add(alert);
    }

    private void refresh() {
        list.removeAll();
        Language language = LanguageSupport.current();
        Map<String, List<DeckCatalogueEntry>> byDeck = new LinkedHashMap<>();
        decks.catalogue().forEach(e -> byDeck.computeIfAbsent(e.deckId(), k -> new java.util.ArrayList<>()).add(e));
        if (byDeck.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("decks.catalogue.empty"));
            empty.setId("catalogue-empty");
            list.add(empty);
        }
        byDeck.forEach((deckId, versions) -> list.add(deckSection(deckId, versions, language)));
    }

    private Section deckSection(String deckId, List<DeckCatalogueEntry> versions, Language language) {
        DeckCatalogueEntry shown = versions.stream().filter(DeckCatalogueEntry::newest).findFirst().orElse(versions.getFirst());
        InstalledDeck deck = shown.deck();
        Section section = new Section();
        section.addClassName("arki-deck");
        section.setId("deck-" + deckId);
        H2 heading = new H2(deck == null ? deckId : DeckTexts.title(deck, language));
        heading.setId("deck-heading-" + deckId);
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        section.add(heading);
        if (deck != null) {
            section.add(new Paragraph(deck.texts().text(language, "deck.description")));
        }

        Div facts = new Div();
        facts.addClassName("arki-facts");
        facts.add(fact("decks.fact.id", deckId));
        facts.add(fact("decks.fact.origin", DeckTexts.origin(this, shown.origin())
                + (shown.origin() != DeckOrigin.CODE && shown.official() ? " · " + getTranslation("decks.official") : "")));
        if (deck != null) {
            var provenance = deck.manifest().provenance();
            Span source = new Span(provenance.source() + (provenance.reference() == null ? "" : " – " + provenance.reference()));
            Div sourceFact = fact("decks.fact.source", "");
            sourceFact.add(source);
            if (provenance.url() != null) {
                Anchor link = new Anchor(provenance.url(), getTranslation("decks.fact.source-link"), AnchorTarget.BLANK);
                link.getElement().setAttribute("rel", "noopener noreferrer");
                sourceFact.add(new Span(" "), link);
            }
            facts.add(sourceFact);
            facts.add(fact("decks.fact.license", deck.manifest().license()));
            facts.add(fact("decks.fact.languages", DeckTexts.languages(deck)));
        }
        section.add(facts);

        section.add(new H3(getTranslation("decks.versions")));
        UnorderedList versionList = new UnorderedList();
        versionList.addClassName("arki-versions");
        for (DeckCatalogueEntry v : versions) {
            ListItem item = new ListItem();
            item.setId("version-" + deckId + "-" + (v.version() == null ? "unknown" : v.version()));
            String state = getTranslation(v.state() == DeckState.ACTIVE ? "decks.state.active" : "decks.state.failed");
            Span label = new Span((v.version() == null ? getTranslation("decks.version-unknown") : v.version()) + " · "
                    + DeckTexts.origin(this, v.origin()) + " · " + state
                    + (v.newest() ? " · " + getTranslation("decks.offered-version") : ""));
            label.addClassName(v.state() == DeckState.ACTIVE ? "arki-state-active" : "arki-state-failed");
            item.add(label);
            if (!v.problems().isEmpty()) {
                UnorderedList reasons = new UnorderedList();
                reasons.addClassName("arki-problems");
                v.problems().forEach(p -> reasons.add(new ListItem(DeckTexts.problem(this, p))));
                item.add(reasons);
            }
            versionList.add(item);
        }
        section.add(versionList);

        boolean offerable = versions.stream().anyMatch(DeckCatalogueEntry::newest);
        if (user.tenant() != null && user.has(Role.TENANT_ADMIN)) {
            Div actions = new Div();
            actions.addClassName("arki-actions");
            Paragraph status = new Paragraph(getTranslation(shown.enabled() ? "decks.enabled" : "decks.not-enabled", user.tenantName()));
            status.setId("enabled-" + deckId);
            actions.add(status);
            if (shown.enabled()) {
                Button disable = new Button(getTranslation("decks.disable"), e -> act(() -> decks.disable(deckId)));
                disable.setId("disable-" + deckId);
                actions.add(disable);
            } else if (offerable) {
                Button enable = new Button(getTranslation("decks.enable"), e -> act(() -> decks.enable(deckId, user.account())));
                enable.setId("enable-" + deckId);
                enable.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                actions.add(enable);
            }
            if (offerable && deck != null && !deck.manifest().settings().isEmpty()) {
                Button settings = new Button(getTranslation("decks.settings"), e ->
                        new DeckSettingsDialog(decks, deckId, deck, language).open());
                settings.setId("settings-" + deckId);
                actions.add(settings);
            }
            section.add(actions);
        }
        return section;
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (InvalidInputException e) {
            Notification n = new Notification();
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setDuration(10_000);
            n.setPosition(Notification.Position.MIDDLE);
            Div text = new Div(DeckTexts.problems(this, e));
            text.setId("action-error");
            Button close = new Button(getTranslation("decks.close"), ev -> n.close());
            n.add(text, close);
            n.open();
        }
    }

    private Div fact(String labelKey, String value) {
        Div fact = new Div();
        fact.addClassName("arki-fact");
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("arki-fact-label");
        fact.add(label, new Span(value));
        return fact;
    }

    private UploadI18N uploadI18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("decks.upload.drop")).setMany(getTranslation("decks.upload.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("decks.upload.add")).setMany(getTranslation("decks.upload.add")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("decks.upload.too-many"))
                .setFileIsTooBig(getTranslation("decks.upload.too-big", DeckManagement.MAX_PACKAGE_BYTES / (1024 * 1024)))
                .setIncorrectFileType(getTranslation("decks.upload.wrong-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("decks.upload.connecting"))
                        .setStalled(getTranslation("decks.upload.stalled")).setProcessing(getTranslation("decks.upload.processing"))
                        .setHeld(getTranslation("decks.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(getTranslation("decks.upload.remaining"))
                        .setUnknown(getTranslation("decks.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(getTranslation("decks.upload.server-unavailable"))
                        .setUnexpectedServerError(getTranslation("decks.upload.server-error"))
                        .setForbidden(getTranslation("decks.upload.forbidden"))));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        ui = attachEvent.getUI();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("decks.catalogue.title") + " – " + getTranslation("app.name");
    }
}
