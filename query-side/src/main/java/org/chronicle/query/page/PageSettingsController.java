package org.chronicle.query.page;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /page/settings}: what the replay page (the static files under {@code static/}) needs
 * to know of this deployment. The map has no tiles unless {@code chronicle.page.tile-url} names a
 * tile server (a Leaflet URL template such as {@code https://tiles.example.org/{z}/{x}/{y}.png});
 * by default the page makes no request to any other host. Not part of the API (hidden from the
 * OpenAPI description).
 */
@Hidden
@RestController
class PageSettingsController {

    private final PageSettings settings;

    PageSettingsController(@Value("${chronicle.page.tile-url:}") String tileUrl,
                           @Value("${chronicle.page.tile-attribution:}") String tileAttribution) {
        this.settings = new PageSettings(tileUrl.isBlank() ? null : tileUrl.strip(),
                tileAttribution.isBlank() ? null : tileAttribution.strip());
    }

    @GetMapping("/page/settings")
    PageSettings settings() {
        return settings;
    }

    record PageSettings(String tileUrl, String tileAttribution) {
    }
}
