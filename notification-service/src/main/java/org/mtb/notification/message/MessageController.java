package org.mtb.notification.message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.support.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/applications/{applicationNumber}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
class MessageController {

    private static final Pattern APPLICATION_NUMBER = Pattern.compile("\\d{6}-\\d{8}-\\d{6}");

    private final Messages messages;

    MessageController(Messages messages) {
        this.messages = messages;
    }

    /**
     * An application without messages answers an empty list, not 404: a channel polling right after submission
     * would otherwise take the application for unknown. So does an application the caller may not read.
     */
    @GetMapping
    List<MessageView> list(Caller caller, @PathVariable String applicationNumber,
            @RequestParam(required = false) @Nullable String channel) {
        if (!APPLICATION_NUMBER.matcher(applicationNumber).matches()) {
            throw MessageProblems.invalidApplicationNumber();
        }
        return messages.forApplication(caller, applicationNumber, channel(channel)).stream()
                .map(MessageView::of).sorted(MessageView.ORDER).toList();
    }

    private static Optional<DeliveryChannel> channel(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeliveryChannel.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw MessageProblems.invalidChannel();
        }
    }
}
