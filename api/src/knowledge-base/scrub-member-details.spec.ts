import { scrubMemberDetails } from './scrub-member-details';

describe('scrubMemberDetails', () => {
  const details = { organizationName: 'Cooperativa Café Andino', peopleNames: ['María José Pérez', 'Luis Ñahui'] };

  it('removes emails, phone numbers, the organization and its people (a whole name at once), accents and case ignored', () => {
    const text =
      'Hola maria josé: escriba a maria.perez@cafe-andino.example o llame al +51 (84) 123-4567. ' +
      'La COOPERATIVA CAFE ANDINO y Luis Ñahui recibirán el informe. Pérez lo firma.';
    expect(scrubMemberDetails(text, details)).toBe(
      'Hola [name] [name]: escriba a [email] o llame al [phone]. ' +
        'La [organization] y [name] recibirán el informe. [name] lo firma.',
    );
  });

  it('keeps short numbers, dates and words that only contain a name', () => {
    const text = 'En 2026 la prima fue de 200 USD por 46 kg; Luisa y Josélito no son socios.';
    expect(scrubMemberDetails(text, details)).toBe(text);
  });
});
