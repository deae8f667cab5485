import { AppException } from '../common/app-exception';

export class FileTooLargeException extends AppException {
  constructor(maxBytes: number) {
    super(
      413,
      'attachments.too-large',
      'File too large',
      `A file may be at most ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    );
  }
}

export class FileTypeRefusedException extends AppException {
  constructor() {
    super(
      415,
      'attachments.type-refused',
      'File type not accepted',
      'Accepted files: PDF, PNG, JPEG, WebP, Word (DOCX), Excel (XLSX), OpenDocument text (ODT), plain text and CSV.',
    );
  }
}

export class FileNameRefusedException extends AppException {
  constructor(extension: string, contentType: string, allowedExtensions: readonly string[]) {
    super(
      415,
      'attachments.name-refused',
      'File name does not match its content',
      `The file is named ".${extension}" but its content is ${contentType}: name it ${allowedExtensions.map((e) => `.${e}`).join(' or ')}.`,
      { extension, contentType, allowedExtensions },
    );
  }
}
