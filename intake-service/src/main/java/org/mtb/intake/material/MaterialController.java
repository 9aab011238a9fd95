package org.mtb.intake.material;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.mtb.support.security.Caller;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.Problems;
import org.mtb.support.web.UnreadBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads and reads of materials. The multipart body is parsed lazily ({@code spring.servlet.multipart.resolve-lazily}),
 * when the {@code file} part is bound, so that a body over the container's limit fails here and is answered as
 * {@code MATERIAL_TOO_LARGE} by this controller rather than by the generic problem handler.
 */
@RestController
@RequestMapping("/api/v1/materials")
class MaterialController {

    private static final Logger log = LoggerFactory.getLogger(MaterialController.class);

    private final MaterialService service;
    private final MaterialReads reads;
    private final MultipartProperties multipart;

    MaterialController(MaterialService service, MaterialReads reads, MultipartProperties multipart) {
        this.service = service;
        this.reads = reads;
        this.multipart = multipart;
    }

    /** 201 for a new material; 200 with the same material for the same bytes sent again for the same type and region. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT', 'CHANNEL', 'COUNTER_CLERK')")
    ResponseEntity<MaterialView> upload(Caller caller,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String regionCode,
            @RequestParam(required = false) @Nullable String diseaseCode) {
        MaterialStore.Added added = service.upload(caller, new UploadForm(file, type, regionCode, diseaseCode));
        URI location = URI.create("/api/v1/materials/" + added.material().id());
        ResponseEntity.BodyBuilder answer = added.created() ? ResponseEntity.created(location)
                : ResponseEntity.ok().location(location);
        return answer.body(MaterialView.of(added.material()));
    }

    @GetMapping(path = "/{materialId}", produces = MediaType.APPLICATION_JSON_VALUE)
    MaterialView find(Caller caller, @PathVariable String materialId) {
        return MaterialView.of(reads.find(caller, materialId));
    }

    /** The bytes, as a download never to be shown inline, sniffed or cached. */
    @GetMapping("/{materialId}/content")
    ResponseEntity<Resource> content(Caller caller, @PathVariable String materialId) {
        MaterialReads.Content content = reads.content(caller, materialId);
        Material material = content.material();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(material.mediaType()))
                .contentLength(material.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(material.id() + "." + material.format().extension()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content.bytes());
    }

    /**
     * 413 for a body over the container's limit. Tomcat closes the connection after a 413; were the rest of the upload
     * still unread then, the close would reset the connection and the client could lose the answer (seen in the tests
     * as a response cut off after its headers). So the rest of a body no larger than the request limit is read and
     * dropped first ({@link UnreadBodies}); a larger one is left to the reset.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> overUploadLimit(MaxUploadSizeExceededException e, HttpServletRequest request) {
        service.refused("MATERIAL_TOO_LARGE");
        UnreadBodies.discard(request, multipart.getMaxRequestSize().toBytes());
        return problem(MaterialProblems.overUploadLimit(multipart.getMaxFileSize().toMegabytes()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedUpload(MultipartException e) {
        log.info("Unreadable multipart body: {}", e.getMessage());
        return problem(MaterialProblems.malformedUpload());
    }

    private static ResponseEntity<ProblemDetail> problem(ApiException refusal) {
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(refusal));
    }
}
