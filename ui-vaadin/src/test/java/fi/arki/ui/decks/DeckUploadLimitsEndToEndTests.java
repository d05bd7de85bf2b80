package fi.arki.ui.decks;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.Application;
import fi.arki.deck.DeckManagement;
import fi.arki.ui.BrowserSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * T-28, against the real upload URL of the deck catalogue: an administrator signed in in Chromium
 * opens the catalogue, and the test then posts to the URL the page's upload component posts to,
 * with that browser's session, as an attacker with a tenant administrator's account would.
 *
 * <p>What the server reads of a request is bounded by what the client could send: a counting
 * stream feeds the body, and once the server stops reading, Tomcat swallows at most
 * {@code server.tomcat.max-swallow-size} (2 MB) and closes the connection, so the client can send
 * little more than the cap plus the swallow plus the two sockets' buffers (a few MB on loopback).
 * Before the fix the handler read every byte into memory: all 50 MB were sent.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arki.demo.enabled=true")
@ActiveProfiles("test")
@Tag("integration")
class DeckUploadLimitsEndToEndTests {

    static final long FIFTY_MB = 50L * 1024 * 1024;
    /** The cap, the 2 MB Tomcat swallows, and generous room for socket buffers: half the body. */
    static final long SENT_BOUND = FIFTY_MB / 2;

    @LocalServerPort int port;
    ChromeDriver driver;
    WebDriverWait wait;
    String base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();

    @BeforeEach
    void signInAndOpenTheCatalogue() {
        base = "http://localhost:" + port;
        driver = BrowserSupport.chromium();
        wait = BrowserSupport.waitFor(driver);
        driver.get(base + "/login");
        driver.manage().addCookie(new Cookie("arki-lang", "fi"));
        BrowserSupport.signIn(driver, base, "admin", "arki-demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-name"), "Demo-elinvoimakeskus"));
        driver.get(base + "/decks/catalogue");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deck-upload")));
        wait.until(d -> uploadTarget() != null);
    }

    @AfterEach
    void close() {
        driver.quit();
    }

    @Test
    void a_50_mb_upload_is_refused_after_little_more_than_the_cap_was_read_and_the_admin_is_told_why() throws Exception {
        CountingBody body = new CountingBody(FIFTY_MB, null);
        Outcome outcome = post(body, "huge.zip");

        assertThat(body.sent()).as("bytes the server let the client send (%s)", outcome)
                .isGreaterThan(DeckManagement.MAX_PACKAGE_BYTES)
                .isLessThan(SENT_BOUND);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-result"), "Pakettia huge.zip ei asennettu"));
        assertThat(driver.findElement(By.id("upload-result")).getText()).contains("Paketti on liian suuri (enintään 5 Mt)");
    }

    @Test
    void while_one_upload_of_the_organisation_runs_parallel_ones_are_refused_at_once_without_reading_them() throws Exception {
        // the first upload sends 1 MB and then holds the organisation's upload slot, as a slow line would
        CountDownLatch release = new CountDownLatch(1);
        CountingBody slow = new CountingBody(FIFTY_MB, release);
        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> post(slow, "slow.zip"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> slow.sent() >= CountingBody.HOLD_AFTER);

        List<CountingBody> others = new ArrayList<>();
        List<CompletableFuture<Outcome>> parallel = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CountingBody body = new CountingBody(FIFTY_MB, null);
            others.add(body);
            String name = "parallel-" + i + ".zip";
            parallel.add(CompletableFuture.supplyAsync(() -> post(body, name)));
        }
        for (CompletableFuture<Outcome> p : parallel) {
            p.get(120, TimeUnit.SECONDS); // answered while the first still holds its slot
        }
        assertThat(first).isNotDone();
        assertThat(others).allSatisfy(b -> assertThat(b.sent()).as("bytes of a refused parallel upload").isLessThan(SENT_BOUND));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-result"),
                "Organisaatiosi toisen paketin lähetys on vielä kesken"));

        release.countDown();
        first.get(120, TimeUnit.SECONDS);
        assertThat(slow.sent()).isLessThan(SENT_BOUND);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-result"), "Pakettia slow.zip ei asennettu"));
        assertThat(driver.findElement(By.id("upload-result")).getText()).contains("Paketti on liian suuri (enintään 5 Mt)");
    }

    record Outcome(int status, String body, String error) {
    }

    private Outcome post(CountingBody body, String fileName) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + uploadTarget()))
                .header("Cookie", "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue())
                .header("Content-Type", "application/zip")
                .header("X-Filename", fileName)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            // the server closed the connection while the body was still coming: that is the point
            return new Outcome(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String uploadTarget() {
        Object target = ((JavascriptExecutor) driver).executeScript("const u = document.getElementById('deck-upload'); return u ? u.target : null");
        return target == null || target.toString().isBlank() ? null : target.toString();
    }

    /** A body of zeros that counts what was taken from it; optionally it pauses after 1 MB until released. */
    static final class CountingBody extends InputStream {
        static final long HOLD_AFTER = 1024 * 1024;
        private final long length;
        private final CountDownLatch hold;
        private final AtomicLong sent = new AtomicLong();

        CountingBody(long length, CountDownLatch hold) {
            this.length = length;
            this.hold = hold;
        }

        long sent() {
            return sent.get();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long done = sent.get();
            if (done >= length) {
                return -1;
            }
            if (hold != null && done >= HOLD_AFTER) {
                try {
                    if (!hold.await(120, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int n = (int) Math.min(len, length - done);
            if (hold != null && done < HOLD_AFTER) {
                n = (int) Math.min(n, HOLD_AFTER - done);
            }
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            sent.addAndGet(n);
            return n;
        }
    }
}
