package fi.arki.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.Application;
import fi.arki.admin.TenantLifecycleManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Role;
import fi.arki.identity.AccountManagement;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A merged tenant's user signs in with their local account, in real Chromium, and acts in the tenant it became. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@Tag("integration")
class MergedTenantSignInEndToEndTests {

    @LocalServerPort int port;
    @Autowired TenantLifecycleManagement lifecycle;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;
    ChromeDriver driver;

    @BeforeEach
    void open() {
        driver = BrowserSupport.chromium();
    }

    @AfterEach
    void close() {
        driver.quit();
    }

    @Test
    void a_user_of_a_merged_tenant_signs_in_to_the_tenant_it_became_and_finds_their_team() {
        String n = UUID.randomUUID().toString().substring(0, 6);
        Tenant old = lifecycle.create("vanha-" + n, "Vanha keskus " + n);
        Tenant successor = lifecycle.create("uusi-" + n, "Uusi elinvoimakeskus " + n);
        TenantContext.runAs(old.id(), () -> {
            var team = directory.createTeam(directory.createUnit("Maaseutu").id(), "Tukipalvelut " + n);
            var person = accounts.createLocalMember("vanha-" + n, "Veera Vanhasta", null, "ensimmainen-1", Set.of(Role.MEMBER));
            directory.addToTeam(team.id(), person.id(), false);
        });
        lifecycle.merge(old.id(), successor.id());

        String base = "http://localhost:" + port;
        BrowserSupport.signIn(driver, base, "vanha-" + n, "ensimmainen-1");
        var wait = BrowserSupport.waitFor(driver);
        // an administrator gave the first password: it is changed before anything else
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-required")));
        BrowserSupport.type(driver, "current-password", "ensimmainen-1");
        BrowserSupport.type(driver, "new-password", "oma-salasana-2");
        BrowserSupport.type(driver, "new-password-again", "oma-salasana-2");
        BrowserSupport.click(driver, By.id("save-password"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), successor.name()));
        wait.until(d -> BrowserSupport.texts(d, By.cssSelector(".arki-team")).contains("Tukipalvelut " + n));
        assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("Veera Vanhasta");
    }
}
