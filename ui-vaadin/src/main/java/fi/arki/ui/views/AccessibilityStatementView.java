package fi.arki.ui.views;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fi.arki.ui.i18n.LanguageSelect;
import org.springframework.core.env.Environment;

/**
 * The accessibility statement that the Act on the Provision of Digital Services (306/2019)
 * requires of a public organisation's web service: how far Arki meets WCAG 2.1 AA, what does not
 * yet, how it was assessed, where to give feedback and where to complain. Open to everyone, also
 * guests who joined a session without an account. The feedback address is the operator's
 * ({@code arki.accessibility.contact}); without one, people are sent to their organisation's
 * administrator.
 */
@Route(value = "accessibility", autoLayout = false)
@AnonymousAllowed
public class AccessibilityStatementView extends Main implements HasDynamicTitle {

    /** The known gaps, each a key {@code accessibility.gap.<id>} in every language. */
    static final String[] GAPS = {"answer-language", "exports", "deck-images"};

    public AccessibilityStatementView(Environment environment) {
        addClassName("arki-page");
        setId("accessibility-statement");
        add(new LanguageSelect(), new H1(getTranslation("accessibility.title")), new Paragraph(getTranslation("accessibility.intro")));

        Section status = new Section(new H2(getTranslation("accessibility.status.title")),
                new Paragraph(getTranslation("accessibility.status")));
        UnorderedList gaps = new UnorderedList();
        gaps.setId("accessibility-gaps");
        for (String gap : GAPS) {
            gaps.add(new ListItem(getTranslation("accessibility.gap." + gap)));
        }
        status.add(gaps);

        Section assessed = new Section(new H2(getTranslation("accessibility.assessed.title")),
                new Paragraph(getTranslation("accessibility.assessed")));

        String contact = environment.getProperty("arki.accessibility.contact", "").strip();
        Section feedback = new Section(new H2(getTranslation("accessibility.feedback.title")));
        if (contact.isEmpty()) {
            feedback.add(new Paragraph(getTranslation("accessibility.feedback.admin")));
        } else {
            Anchor mail = new Anchor(contact.contains("@") ? "mailto:" + contact : contact, contact);
            mail.setId("accessibility-contact");
            feedback.add(new Paragraph(getTranslation("accessibility.feedback.contact")), new Paragraph(mail));
        }

        Anchor authority = new Anchor(getTranslation("accessibility.authority.link"), getTranslation("accessibility.authority.link"),
                AnchorTarget.BLANK);
        authority.getElement().setAttribute("rel", "noopener");
        authority.setId("accessibility-authority");
        Section enforcement = new Section(new H2(getTranslation("accessibility.authority.title")),
                new Paragraph(getTranslation("accessibility.authority")), new Paragraph(authority));

        Anchor back = new Anchor(".", getTranslation("accessibility.back"));
        back.setId("accessibility-back");
        add(status, assessed, feedback, enforcement, new Paragraph(back));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accessibility.title") + " – " + getTranslation("app.name");
    }
}
