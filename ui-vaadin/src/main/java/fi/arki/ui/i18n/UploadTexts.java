package fi.arki.ui.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The texts of an upload of one zip file, in the user's language (the same words as the deck upload). */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N zip(Component view) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(view.getTranslation("decks.upload.drop"))
                .setMany(view.getTranslation("decks.upload.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(view.getTranslation("decks.upload.add"))
                .setMany(view.getTranslation("decks.upload.add")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(view.getTranslation("decks.upload.too-many"))
                .setIncorrectFileType(view.getTranslation("decks.upload.wrong-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(view.getTranslation("decks.upload.connecting"))
                        .setStalled(view.getTranslation("decks.upload.stalled")).setProcessing(view.getTranslation("decks.upload.processing"))
                        .setHeld(view.getTranslation("decks.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(view.getTranslation("decks.upload.remaining"))
                        .setUnknown(view.getTranslation("decks.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(view.getTranslation("decks.upload.server-unavailable"))
                        .setUnexpectedServerError(view.getTranslation("decks.upload.server-error"))
                        .setForbidden(view.getTranslation("decks.upload.forbidden"))));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }
}
