// CloudFront Functions (cloudfront-js-2.0) viewer-response handler: answers with the status an object
// asks for in its metadata (a moved article's permanent redirect, a withdrawn article's 410 Gone).
// Deployed verbatim and evaluated by the local CDN server, so it stays plain JavaScript without imports.
// The metadata names are EDGE_METADATA in edge-metadata.ts.
function handler(event) {
  var response = event.response;
  var headers = response.headers;
  var status = headers['x-amz-meta-edge-status'];
  var location = headers['x-amz-meta-edge-location'];
  delete headers['x-amz-meta-edge-status'];
  delete headers['x-amz-meta-edge-location'];
  if (!status || response.statusCode !== 200) return response;
  if (status.value === '301' && location) {
    response.statusCode = 301;
    response.statusDescription = 'Moved Permanently';
    headers['location'] = { value: location.value };
  } else if (status.value === '410') {
    response.statusCode = 410;
    response.statusDescription = 'Gone';
  }
  return response;
}
