package org.chronicle.query.projection;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/projections}: each projection's progress, and rebuilds on demand. */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private final Rebuilds rebuilds;

    ProjectionAdminController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    List<Rebuilds.Progress> all() {
        return rebuilds.all();
    }

    @GetMapping("/{name}")
    Rebuilds.Progress one(@PathVariable String name) {
        return rebuilds.progress(rebuilds.known(name));
    }

    /** 202: the rebuild runs on; its progress is on this projection's entry of the list. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<Rebuilds.Progress> rebuild(@PathVariable String name) {
        rebuilds.start(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/admin/projections/" + name)
                .body(rebuilds.progress(name));
    }
}
