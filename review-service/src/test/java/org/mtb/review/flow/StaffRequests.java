package org.mtb.review.flow;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Requests to the service on its port as a signed-in person (the bearer token given), every answer returned. */
final class StaffRequests {

    private final RestClient http;

    StaffRequests(int port) {
        this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    /** A POST with a JSON body, or none when {@code body} is null. */
    ResponseEntity<String> post(String uri, @Nullable String body, String token) {
        var request = http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    ResponseEntity<String> put(String uri, String body, String token) {
        return http.put().uri(uri).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> get(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).retrieve().toEntity(String.class);
    }

    /** A GET without a token, as the public reads it. */
    ResponseEntity<String> get(String uri) {
        return http.get().uri(uri).retrieve().toEntity(String.class);
    }
}
