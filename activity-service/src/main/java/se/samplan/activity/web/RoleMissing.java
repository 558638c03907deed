package se.samplan.activity.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/** The caller's association may reach the resource, but their role may not do this: 403, naming the roles that may. */
public class RoleMissing extends ErrorResponseException {

    public RoleMissing(String detail, List<String> requiredRoles) {
        super(HttpStatus.FORBIDDEN, problem(detail, requiredRoles), null);
    }

    private static ProblemDetail problem(String detail, List<String> requiredRoles) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Role missing");
        problem.setProperty("requiredRoles", requiredRoles);
        return problem;
    }
}
