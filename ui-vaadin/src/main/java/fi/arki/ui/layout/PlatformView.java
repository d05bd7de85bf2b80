package fi.arki.ui.layout;

/**
 * A view a platform administrator may open without acting in any tenant (e.g. the deck
 * catalogue, for platform-wide installs); every other view needs a tenant chosen first.
 */
public interface PlatformView {
}
