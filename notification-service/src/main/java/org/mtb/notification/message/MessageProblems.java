package org.mtb.notification.message;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** The refusals of the message API, each with its stable code. */
final class MessageProblems {

    private MessageProblems() {
    }

    /** The value is not echoed: a caller who mistyped may have put an ID number or phone in its place. */
    static ApiException invalidApplicationNumber() {
        String message = "must be an acceptance number like 659006-20261123-000001 (region-yyyyMMdd-sequence)";
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_APPLICATION_NUMBER", "Invalid application number",
                "The application number " + message,
                List.of(new FieldProblem("applicationNumber", "INVALID_FORMAT", message)));
    }

    static ApiException invalidChannel() {
        String allowed = Arrays.stream(DeliveryChannel.values()).map(Enum::name).collect(Collectors.joining(", "));
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CHANNEL", "Invalid channel",
                "Parameter 'channel' must be one of " + allowed,
                List.of(new FieldProblem("channel", "INVALID_VALUE", "allowed: " + allowed)));
    }
}
