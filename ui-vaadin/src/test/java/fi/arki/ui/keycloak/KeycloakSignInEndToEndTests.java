package fi.arki.ui.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.admin.TenantLifecycleManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.tenancy.TenantManagement;
import fi.arki.ui.BrowserSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Single sign-on in real Chromium through the real Keycloak login form: one organization acts at
 * once, two organizations choose, a platform administrator lands on the platform, and signing out
 * ends both the Arki session and the Keycloak session.
 */
class KeycloakSignInEndToEndTests extends KeycloakModeTestBase {

    @Autowired TenantManagement tenants;
    @Autowired TenantLifecycleManagement lifecycle;
    @Autowired DirectoryManagement directory;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        RealmTenants.lappi(tenants, lifecycle, directory);
        RealmTenants.pirkanmaa(tenants, lifecycle, directory);
        driver = BrowserSupport.chromium();
        wait = BrowserSupport.waitFor(driver);
    }

    @AfterEach
    void close() {
        driver.quit();
    }

    @Test
    void a_member_of_one_organization_signs_in_with_keycloak_acts_there_and_sign_out_ends_both_sessions() {
        driver.get(base() + "/");
        signInAtKeycloak("alice", "alice-Secret-1");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Lapin elinvoimakeskus"));
        wait.until(d -> BrowserSupport.texts(d, By.cssSelector(".arki-unit h2")).contains("Ympäristö"));
        assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("Alice Aalto");
        assertThat(driver.findElements(By.id("change-password"))).as("no Arki password with single sign-on").isEmpty();

        BrowserSupport.click(driver, By.id("sign-out"));
        try {
            wait.until(d -> d.getCurrentUrl().startsWith(base() + "/login"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-notice")));
        } catch (RuntimeException e) {
            throw new AssertionError("After sign-out at " + driver.getCurrentUrl() + ":\n" + driver.getPageSource().substring(0, Math.min(3000, driver.getPageSource().length())), e);
        }

        // the Keycloak session has ended too: coming back asks for the password again
        driver.get(base() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        assertThat(driver.getCurrentUrl()).startsWith(KeycloakServer.get().issuer());
    }

    @Test
    void a_member_of_two_organizations_chooses_the_tenant_to_act_in() {
        driver.get(base() + "/");
        signInAtKeycloak("bob", "bob-Secret-1");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-pirkanmaa")));
        assertThat(driver.findElements(By.id("tenant-lappi"))).hasSize(1);
        BrowserSupport.click(driver, By.id("tenant-pirkanmaa"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Pirkanmaan elinvoimakeskus"));
        wait.until(d -> BrowserSupport.texts(d, By.cssSelector(".arki-team")).contains("Yrityspalvelut"));
        assertThat(BrowserSupport.texts(driver, By.cssSelector(".arki-team"))).doesNotContain("Porotalous");
    }

    @Test
    void the_realms_platform_admin_role_makes_a_platform_administrator_with_no_tenant() {
        driver.get(base() + "/");
        signInAtKeycloak("pia", "pia-Secret-1");

        wait.until(ExpectedConditions.urlContains("/platform"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-link-lappi")));
        assertThat(driver.findElement(By.id("tenant-name")).getText()).isEmpty();
    }

    private void signInAtKeycloak(String username, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).startsWith(KeycloakServer.get().issuer());
        BrowserSupport.type(driver, By.id("username"), username);
        // with Organizations on, Keycloak asks for the user name first (to find an organization's
        // identity provider), then for the password on a page of its own
        if (driver.findElements(By.id("password")).isEmpty()) {
            BrowserSupport.click(driver, By.id("kc-login"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        }
        BrowserSupport.type(driver, By.id("password"), password);
        BrowserSupport.click(driver, By.id("kc-login"));
    }
}
