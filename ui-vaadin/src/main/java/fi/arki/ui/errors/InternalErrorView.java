package fi.arki.ui.errors;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A view failed to open (HTTP 500), in place of Vaadin's {@code InternalServerError}, which shows
 * the stack trace in development mode. The user gets an error code; the log gets the same code
 * with the exception, so that support can find one from the other.
 */
@AnonymousAllowed
public class InternalErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    public InternalErrorView() {
        super("internal-error", "errorpage.internal.title", "errorpage.internal.text");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String incident = Incidents.next();
        log.error("Error {} while opening /{}", incident, event.getLocation().getPath(), parameter.getCaughtException());
        Paragraph code = new Paragraph(getTranslation("errorpage.incident", incident));
        code.setId("error-incident");
        addComponentAtIndex(3, code);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
