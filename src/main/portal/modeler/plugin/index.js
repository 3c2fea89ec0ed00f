// Camunda Modeler plugin descriptor: copy this folder into the Modeler's resources/plugins and restart the Modeler.
module.exports = {
  name: 'Một Cửa: quy tắc mô hình (house rules)',
  script: './dist/client.js'
};
