package se.samplan.reporting.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samplan.reporting.db.Tenancy;

import java.io.IOException;

/**
 * Verifies the caller once per request and, for a verified one, binds its association to the
 * request's database work (row-level security, see {@link Tenancy}) for as long as the request is
 * handled. A request without a verified caller does its database work for no association, i.e.
 * sees nothing; the handlers that need a caller answer it 401.
 */
@Component
class CallerFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = CallerFilter.class.getName() + ".caller";

    private final CallerResolver callers;

    CallerFilter(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = callers.verified(request);
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ATTRIBUTE, caller);
        try (Tenancy.Scope association = Tenancy.association(caller.associationId())) {
            chain.doFilter(request, response);
        }
    }
}
