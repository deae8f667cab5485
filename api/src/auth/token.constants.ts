export const JWT_ISSUER = 'fairtrade-service-portal';
export const JWT_AUDIENCE = 'fairtrade-service-portal:api';
