package bench;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.router.Route;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Minimal Boot + Vaadin app: one view, push on, nothing else. */
@SpringBootApplication
@Push
public class BaselineApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    @Route("")
    public static class HelloView extends Main {
        public HelloView() {
            add(new H1("Baseline"));
        }
    }
}
