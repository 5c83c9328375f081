package org.chronicle.query.projection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a rebuild runs, every read of the chronicles says so with {@code Chronicle-Rebuilding},
 * naming the projections being rebuilt: the answer is complete, but from the set that was
 * complete before the rebuild began.
 */
@Component
class RebuildingHeader extends OncePerRequestFilter {

    static final String HEADER = "Chronicle-Rebuilding";

    private final ProjectionSets sets;

    RebuildingHeader(ProjectionSets sets) {
        this.sets = sets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/chronicles");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            List<String> rebuilding = sets.rebuilding();
            if (!rebuilding.isEmpty()) {
                response.setHeader(HEADER, String.join(", ", rebuilding));
            }
        } catch (DataAccessException e) {
            // The read itself meets the same database and answers for it (503).
        }
        chain.doFilter(request, response);
    }
}
